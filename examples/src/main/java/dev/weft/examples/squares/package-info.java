/**
 * "Map-reduce of squares", in Weft: the sum of the squares of 1 to n, cut into ranges that are
 * summed in parallel (map) and then added up (reduce), checked against the closed form
 * n(n+1)(2n+1)/6. The flow is composed in code with {@link dev.weft.engine.FlowBuilder}. Run it
 * with {@link dev.weft.examples.squares.SquaresMain}.
 */
package dev.weft.examples.squares;
