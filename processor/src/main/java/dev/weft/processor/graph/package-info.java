/**
 * The graph stage: a class's tasks and inputs as nodes of a Guava graph, with the type each
 * node's key carries, ready for the rules in {@code dev.weft.processor.rules}.
 */
package dev.weft.processor.graph;
