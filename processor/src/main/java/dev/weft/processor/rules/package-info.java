/**
 * The graph rules: one small class per rule a class's task graph must satisfy, each reporting
 * its violations at the element at fault with the rule's stable id.
 */
package dev.weft.processor.rules;
