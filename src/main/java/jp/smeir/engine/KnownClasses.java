package jp.smeir.engine;

import java.net.URL;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The application's class loader, as Drools sees it, with a memory of the names it does not hold. Compiling a
 * rule base asks for thousands of classes and resources that do not exist: MVEL tries every identifier of every
 * constraint against every imported package, and the Java dialect probes names likewise. Each miss made the
 * packaged service's class loader reopen and index a jar (Quarkus closes its jars once started), which was most
 * of the time of a rule reload (BENCHMARKS.md). The classes on the application's class path never change while
 * it runs, so a name missed once is missed for good; classes that Drools generates live in its own loader below
 * this one and are never asked of it.
 */
final class KnownClasses extends ClassLoader {

    static {
        registerAsParallelCapable();
    }

    /** A bound on what is remembered: far above what the shipped rules ask (a few thousand names). */
    private static final int MAX_REMEMBERED = 200_000;

    private final Set<String> missingClasses = ConcurrentHashMap.newKeySet();
    private final Set<String> missingResources = ConcurrentHashMap.newKeySet();

    KnownClasses(ClassLoader parent) {
        super("rule-classes", parent);
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (missingClasses.contains(name)) {
            throw new ClassNotFoundException(name);
        }
        try {
            return super.loadClass(name, resolve);
        } catch (ClassNotFoundException e) {
            remember(missingClasses, name);
            throw e;
        }
    }

    @Override
    public URL getResource(String name) {
        if (missingResources.contains(name)) {
            return null;
        }
        URL url = super.getResource(name);
        if (url == null) {
            remember(missingResources, name);
        }
        return url;
    }

    private static void remember(Set<String> missing, String name) {
        if (missing.size() < MAX_REMEMBERED) {
            missing.add(name);
        }
    }
}
