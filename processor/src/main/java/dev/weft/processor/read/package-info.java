/**
 * The first stages of the processor: read a class's elements into the model and validate the
 * class and each task method on its own — everything that does not need the other tasks.
 */
package dev.weft.processor.read;
