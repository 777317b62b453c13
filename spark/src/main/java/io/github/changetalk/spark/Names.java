package io.github.changetalk.spark;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.functions;

/** Columns by their exact name, whatever characters it holds (a dot or a space in a CSV header). */
final class Names {
    private Names() {
    }

    static Column col(String name) {
        return functions.col("`" + name.replace("`", "``") + "`");
    }
}
