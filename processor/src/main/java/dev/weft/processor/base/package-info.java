/**
 * What every stage of the processor shares: the catalogue of {@link
 * dev.weft.processor.base.Diagnostic}s with their stable ids, and the one {@link
 * dev.weft.processor.base.ErrorReporter} all messages go through.
 */
package dev.weft.processor.base;
