/**
 * What the processor knows about a class with {@code @Task} methods once its elements are read:
 * plain records, free of {@code javax.lang.model} lookups, that the graph stage and the writer
 * share.
 */
package dev.weft.processor.model;
