/**
 * Weft's annotation processor, {@link dev.weft.processor.WeftProcessor}, and its stages, one
 * package each: {@code read} (elements to model, per-method validation), {@code graph} (the
 * dependency graph), {@code rules} (one class per graph rule), {@code writer} (the generated
 * {@code …Flow} source). {@code base} holds the diagnostics catalogue and the one error reporter.
 */
package dev.weft.processor;
