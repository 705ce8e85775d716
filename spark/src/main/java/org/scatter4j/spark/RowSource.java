package org.scatter4j.spark;

import java.io.IOException;
import java.io.Serializable;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;

/**
 * The input of {@code spark-extract}, opened and checked on the driver, then shipped to the tasks,
 * each of which reads its own slice of rows: {@link ImageSource} (images) or {@link SignalSource}
 * (1D signals).
 */
interface RowSource extends Serializable {
    /** Rows in the input. */
    int count();

    /** The rows' schema: id (the row's position in the input), maybe label, then the column the transformer reads. */
    StructType schema();

    /** Rows {@code first .. first + n - 1}, read by the task that calls this. */
    List<Row> read(int first, int n) throws IOException;
}
