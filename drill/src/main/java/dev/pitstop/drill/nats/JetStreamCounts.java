package dev.pitstop.drill.nats;

/**
 * What the JetStream check saw.
 *
 * @param acked messages the server acknowledged (numbers 1..acked)
 * @param stored messages in the stream afterwards
 * @param consumed messages read back from the stream
 * @param lost acknowledged numbers not read back
 * @param duplicated numbers read back more than once (each extra copy counts)
 * @param retries publishes that failed (no ack in time) and were sent again under the same message id
 * @param dedupedRetries retries the server recognised as already stored
 * @param maxGapMs the longest time between two acknowledgements: the outage a publisher saw
 * @param reconnects times the client reconnected
 */
public record JetStreamCounts(long acked, long stored, long consumed, long lost, long duplicated, long retries,
                              long dedupedRetries, long maxGapMs, long reconnects) {
    /** Nothing acknowledged was lost and nothing was stored twice. */
    public boolean intact() {
        return lost == 0 && duplicated == 0 && consumed == stored && stored >= acked;
    }
}
