package dev.weft.examples.robust;

/**
 * The readings of one weather station, summed up.
 *
 * @param name the station's name
 * @param readings how many temperature readings it has
 * @param min the lowest, in degrees Celsius
 * @param mean their mean
 * @param max the highest
 */
public record Station(String name, int readings, double min, double mean, double max) {}
