/**
 * Reuse of an expensive precomputed dataset: an index of every class of a JDK, built once and
 * cached on disk, answering queries on later runs without being built again — the Weft
 * counterpart of Python's {@code joblib.Memory}. See {@link
 * dev.weft.examples.dataset.DatasetMain}.
 */
package dev.weft.examples.dataset;
