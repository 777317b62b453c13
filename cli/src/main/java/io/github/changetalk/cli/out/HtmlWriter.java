package io.github.changetalk.cli.out;

import io.github.changetalk.cli.report.ReportPage;
import io.github.changetalk.cli.report.Reports;
import io.github.changetalk.cli.report.SessionView;
import io.github.changetalk.cli.report.SessionViews;
import io.github.changetalk.cli.run.Processed;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@code --format html}: the session report as one self-contained page on stdout (each session, after
 * an index when there are several; with {@code --summary}, the index alone). A page needs whole
 * sessions, so records are gathered and the page is written at the end.
 */
public final class HtmlWriter implements RecordWriter {
    private final PrintWriter out;
    private final boolean redact;
    private final boolean summaryOnly;
    private final Supplier<Map<String, String>> descriptions;
    private final String defaultTarget;
    private final List<Processed> records = new ArrayList<>();

    /** {@code descriptions} is asked once, at the end, for the rules' descriptions (the classifier is built by then). */
    public HtmlWriter(PrintWriter out, boolean redact, boolean summaryOnly, Supplier<Map<String, String>> descriptions,
                      String defaultTarget) {
        this.out = out;
        this.redact = redact;
        this.summaryOnly = summaryOnly;
        this.descriptions = descriptions;
        this.defaultTarget = defaultTarget;
    }

    @Override
    public void write(Processed record) {
        records.add(record);
    }

    @Override
    public void finish() {
        SessionViews views = new SessionViews(descriptions.get(), defaultTarget);
        records.forEach(views::add);
        List<SessionView> sessions = Reports.prepare(views.build(), redact);
        if (summaryOnly) {
            List<String> noLinks = new ArrayList<>();
            sessions.forEach(s -> noLinks.add(null));
            out.print(ReportPage.index(sessions, noLinks, redact));
        } else {
            out.print(ReportPage.combined(sessions, redact));
        }
        out.flush();
    }
}
