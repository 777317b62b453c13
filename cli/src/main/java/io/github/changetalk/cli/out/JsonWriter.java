package io.github.changetalk.cli.out;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.changetalk.cli.run.Processed;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.function.Consumer;

/** JSON Lines (one object per line) or one JSON array, written element by element as records come. */
public final class JsonWriter implements RecordWriter {
    private final PrintWriter out;
    private final boolean array;
    private final boolean explain;
    private final Fields.Shape shape;
    private final Fields.Names names;
    private long count;

    /** {@code warn} is told of an input field given a second-choice name (see {@link Fields.Names}). */
    public JsonWriter(PrintWriter out, boolean array, boolean explain, Fields.Shape shape, Consumer<String> warn) {
        this.out = out;
        this.array = array;
        this.explain = explain;
        this.shape = shape;
        this.names = new Fields.Names(warn, shape);
    }

    @Override
    public void write(Processed record) {
        for (ObjectNode o : Fields.records(record, shape, explain, names)) {
            write(o);
        }
    }

    private void write(ObjectNode o) {
        String json;
        try {
            json = Fields.MAPPER.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
        if (array) {
            out.print(count == 0 ? "[\n" : ",\n");
        }
        out.print(json);
        if (!array) {
            out.print('\n');
        }
        count++;
    }

    @Override
    public void finish() {
        if (array) {
            out.print(count == 0 ? "[]\n" : "\n]\n");
        }
    }
}
