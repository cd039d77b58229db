package dev.weft.engine.store;

/**
 * A snapshot of a {@link DiskStore}'s statistics.
 *
 * <p>Hits, misses, quarantined entries and store failures are counted by this store object since
 * it was opened (other processes sharing the directory keep their own). {@code entries} and
 * {@code bytes} describe the directory as it was when {@link DiskStore#stats()} looked, whoever
 * wrote it.
 *
 * @param actionHits lookups of a key whose entry was valid and whose content was present
 * @param actionMisses lookups of a key that found no entry, a damaged one, or one whose content
 *     was gone
 * @param contentHits reads of content that was present and verified
 * @param contentMisses reads of content that was absent or damaged
 * @param entries action entries plus content entries in the directory
 * @param bytes the total length of those entry files, headers included
 * @param quarantined damaged entries this store moved to {@code quarantine/} (or deleted when
 *     that failed); each is also logged once
 * @param storeFailures writes that failed (disk full, permissions, I/O errors), each reported
 *     to its caller as not stored
 */
public record Stats(
    long actionHits,
    long actionMisses,
    long contentHits,
    long contentMisses,
    long entries,
    long bytes,
    long quarantined,
    long storeFailures) {}
