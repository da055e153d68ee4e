package io.galeragen.core.podlab.oracle;

/** The known defect the running scenario test expects (set by the scenarios' JUnit extension), for its report line. */
public final class KnownDefects {

    private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();

    private KnownDefects() {}

    public static String current() {
        return CURRENT.get();
    }

    public static void set(String defect) {
        if (defect == null) {
            CURRENT.remove();
        } else {
            CURRENT.set(defect);
        }
    }
}
