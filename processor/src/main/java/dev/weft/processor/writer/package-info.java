/**
 * The last stage of the processor: writes each valid graph as its {@code …Flow} source file with
 * Palantir JavaPoet.
 */
package dev.weft.processor.writer;
