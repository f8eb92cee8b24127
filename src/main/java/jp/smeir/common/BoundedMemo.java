package jp.smeir.common;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Values computed once and kept, for keys that recur answer after answer; past its bound the memory starts
 * afresh, so it never holds more than that many. Only for keys that come from the rule base, never for what a
 * client sends. Two threads may compute the same value at once; both results are equal, one is kept.
 */
public final class BoundedMemo<K, V> {

    private final int max;
    private final Map<K, V> values = new ConcurrentHashMap<>();

    public BoundedMemo(int max) {
        this.max = max;
    }

    public V get(K key, Function<? super K, ? extends V> compute) {
        V value = values.get(key);
        if (value == null) {
            if (values.size() >= max) {
                values.clear();
            }
            value = compute.apply(key);
            values.put(key, value);
        }
        return value;
    }
}
