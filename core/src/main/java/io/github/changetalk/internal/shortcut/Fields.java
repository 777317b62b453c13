package io.github.changetalk.internal.shortcut;

import java.lang.reflect.Field;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reflective access to the package-private fields of TokensRegex's and Semgrex's compiled patterns,
 * which {@link TriggerExtractor} and {@link TokenReach} read. Looked up once per class and name: a
 * {@code getDeclaredField} copies the class's field table on every call, and the walks ask thousands of
 * times while the default packs compile (measured: most of the trigger-extraction time at start-up).
 */
final class Fields {
    private static final Map<Class<?>, Map<String, Field>> CACHE = new ConcurrentHashMap<>();

    private Fields() {
    }

    /** The field, declared by {@code c} or a superclass, made accessible. */
    static Field of(Class<?> c, String name) throws NoSuchFieldException {
        Map<String, Field> byName = CACHE.computeIfAbsent(c, k -> new ConcurrentHashMap<>());
        Field f = byName.get(name);
        if (f == null) {
            f = lookUp(c, name);
            byName.put(name, f);
        }
        return f;
    }

    private static Field lookUp(Class<?> c, String name) throws NoSuchFieldException {
        for (Class<?> k = c; k != null; k = k.getSuperclass()) {
            try {
                Field f = k.getDeclaredField(name);
                f.setAccessible(true);
                return f;
            } catch (NoSuchFieldException e) {
                // declared higher up
            }
        }
        throw new NoSuchFieldException(c.getName() + "." + name);
    }
}
