/**
 * What the example programs share: how they read a command line and end ({@link
 * dev.weft.examples.common.CommandLine}, {@link dev.weft.examples.common.UsageException}), options
 * with a value such as {@code --workers N} ({@link dev.weft.examples.common.ValueOption}), the
 * {@code --cache-dir DIR | --no-cache} option and the Weft it builds ({@link
 * dev.weft.examples.common.CacheOption}), the files under a directory, with a message a user can
 * act on for a directory that cannot be listed ({@link dev.weft.examples.common.DirectoryWalk}),
 * and the report of a run, a line per task and a summary ({@link
 * dev.weft.examples.common.TaskReport}). Each example keeps its own usage text, arguments
 * and results; only what reads the same in all of them is here.
 */
package dev.weft.examples.common;
