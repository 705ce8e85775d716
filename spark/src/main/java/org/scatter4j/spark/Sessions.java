package org.scatter4j.spark;

import org.apache.spark.sql.SparkSession;

/** The Spark session of a command: the --master given, else spark-submit's, else all local cores. */
final class Sessions {
    private Sessions() {
    }

    /** True if this JVM already has a session (a test's, a notebook's), which a command then uses and leaves running. */
    static boolean running() {
        return SparkSession.getDefaultSession().isDefined();
    }

    static SparkSession start(String appName, String master) {
        SparkSession.Builder b = SparkSession.builder().appName(appName);
        String m = master != null ? master : System.getProperty("spark.master", "local[*]");
        b.master(m);
        if (m.startsWith("local")) {
            // one JVM: no web UI, and the driver's ports on the loopback interface, not the machine's address
            b.config("spark.ui.enabled", "false").config("spark.ui.showConsoleProgress", "false")
                    .config("spark.driver.bindAddress", "127.0.0.1").config("spark.driver.host", "127.0.0.1");
        }
        return b.getOrCreate();
    }
}
