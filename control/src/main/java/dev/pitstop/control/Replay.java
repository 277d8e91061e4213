package dev.pitstop.control;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Delivers the history of a stream, then its live items, each once and in order. It is subscribed before the
 * history is read, so nothing falls between the two; live items that arrive meanwhile wait until
 * {@link #replay} and pass only if they are not in the history.
 */
final class Replay<T> implements Consumer<T> {
    private final Consumer<T> each;
    private List<T> early = new ArrayList<>();
    private Predicate<T> fresh;

    Replay(Consumer<T> each) {
        this.each = each;
    }

    @Override
    public synchronized void accept(T item) {
        if (early != null) {
            early.add(item);
        } else if (fresh.test(item)) {
            each.accept(item);
        }
    }

    /** @param fresh whether a live item is not one of {@code history} */
    synchronized void replay(List<T> history, Predicate<T> fresh) {
        history.forEach(each);
        this.fresh = fresh;
        early.stream().filter(fresh).forEach(each);
        early = null;
    }
}
