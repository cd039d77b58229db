package dev.weft.examples.gather;

import java.util.List;

/**
 * What the fetched pages add up to.
 *
 * @param pages how many pages were fetched
 * @param bytes the sizes of their bodies, added up
 * @param lines their lines, added up
 * @param largest the largest pages, largest first
 */
public record Summary(int pages, long bytes, long lines, List<Page> largest) {}
