package io.github.changetalk.cli.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.changetalk.Speaker;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Reading the first record ahead loses, reorders and hides nothing. */
class PeekedSourceTest {
    /** Hands out its records, then null; {@code failFirst} is thrown by the first call instead. */
    private static final class Scripted implements RecordSource {
        private final Deque<InputRecord> records;
        private Exception failFirst;
        boolean closed;

        Scripted(List<InputRecord> records, Exception failFirst) {
            this.records = new ArrayDeque<>(records);
            this.failFirst = failFirst;
        }

        @Override
        public InputRecord next() throws IOException {
            if (failFirst != null) {
                Exception e = failFirst;
                failFirst = null;
                if (e instanceof IOException io) {
                    throw io;
                }
                throw (RuntimeException) e;
            }
            return records.poll();
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    private static InputRecord record(long line, String text) {
        return new InputRecord("f.txt", line, Map.of(), text, Speaker.CLIENT, null, null, null);
    }

    @Test
    void everyRecordComesBackInOrderAfterThePeek() throws IOException {
        List<InputRecord> in = List.of(record(1, "I want to quit."), record(2, "Maybe."), record(3, "No."));
        Scripted source = new Scripted(in, null);
        PeekedSource peeked = PeekedSource.of(source);
        assertThat(peeked.firstText()).isEqualTo("I want to quit.");
        List<InputRecord> out = new ArrayList<>();
        for (InputRecord r = peeked.next(); r != null; r = peeked.next()) {
            out.add(r);
        }
        assertThat(out).isEqualTo(in);
        peeked.close();
        assertThat(source.closed).isTrue();
    }

    @Test
    void anEmptySourceStaysEmpty() throws IOException {
        PeekedSource peeked = PeekedSource.of(new Scripted(List.of(), null));
        assertThat(peeked.firstText()).isNull();
        assertThat(peeked.next()).isNull();
        assertThat(peeked.next()).isNull();
    }

    @Test
    void aFailedFirstReadIsThrownByTheFirstNextThenReadingGoesOn() throws IOException {
        IOException broken = new IOException("f.txt: cannot read");
        PeekedSource peeked = PeekedSource.of(new Scripted(List.of(record(2, "Yes.")), broken));
        assertThat(peeked.firstText()).isNull();
        assertThatThrownBy(peeked::next).isSameAs(broken);
        assertThat(peeked.next().text()).isEqualTo("Yes.");

        IllegalStateException bad = new IllegalStateException("no text column");
        PeekedSource header = PeekedSource.of(new Scripted(List.of(), bad));
        assertThatThrownBy(header::next).isSameAs(bad);
    }
}
