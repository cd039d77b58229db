/**
 * "Many external commands in parallel", in Weft: one shell command per file ({@code gzip -c FILE
 * | wc -c} by default), each run with {@link java.lang.ProcessBuilder} as one element of a
 * fan-out task, and each element cached on its own — so a rerun runs no command, and changing one
 * file runs one. The tasks are an annotated class, {@link
 * dev.weft.examples.shell.ShellCommands}; run them with {@link dev.weft.examples.shell.ShellMain}.
 */
package dev.weft.examples.shell;
