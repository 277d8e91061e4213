package dev.pitstop.drill.report;

import dev.pitstop.drill.DrillReport;
import dev.pitstop.drill.DrillReport.Check;
import dev.pitstop.drill.DrillReport.PhaseResult;
import dev.pitstop.drill.DrillReport.StepResult;
import java.io.StringWriter;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.stream.Collectors;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * The report as JUnit XML, the shape every CI reads: one {@code testsuite} per phase, one {@code testcase} per
 * step, a {@code failure} naming the checks that did not hold, and a skipped phase as one skipped case.
 */
public final class JunitXml {
    public String render(DrillReport report) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            xml.writeStartElement("testsuites");
            xml.writeAttribute("name", "pitstop drill");
            xml.writeAttribute("tests", Long.toString(report.phases().stream().mapToLong(JunitXml::tests).sum()));
            xml.writeAttribute("failures", Long.toString(report.phases().stream().mapToLong(JunitXml::failures).sum()));
            xml.writeAttribute("errors", "0");
            xml.writeAttribute("time", seconds(Duration.between(report.startedAt(), report.finishedAt()).toMillis()));
            xml.writeCharacters("\n");
            for (PhaseResult phase : report.phases()) {
                suite(xml, report, phase);
            }
            xml.writeEndElement();
            xml.writeCharacters("\n");
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write JUnit XML", e);
        }
        return out.toString();
    }

    private static void suite(XMLStreamWriter xml, DrillReport report, PhaseResult phase) throws XMLStreamException {
        String suite = "drill." + phase.name();
        xml.writeStartElement("testsuite");
        xml.writeAttribute("name", suite);
        xml.writeAttribute("tests", Long.toString(tests(phase)));
        xml.writeAttribute("failures", Long.toString(failures(phase)));
        xml.writeAttribute("errors", "0");
        xml.writeAttribute("skipped", phase.skipped() == null ? "0" : "1");
        xml.writeAttribute("time", seconds(phase.steps().stream().mapToLong(StepResult::tookMs).sum()));
        xml.writeAttribute("timestamp", DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(
                report.startedAt().atOffset(java.time.ZoneOffset.UTC).withNano(0)));
        xml.writeCharacters("\n");
        for (StepResult step : phase.steps()) {
            xml.writeStartElement("testcase");
            xml.writeAttribute("classname", suite);
            xml.writeAttribute("name", step.name());
            xml.writeAttribute("time", seconds(step.tookMs()));
            if (!step.ok()) {
                xml.writeStartElement("failure");
                String failed = step.checks().stream().filter(c -> !c.ok()).map(c -> c.name() + ": " + c.detail())
                        .collect(Collectors.joining("; "));
                xml.writeAttribute("message", failed);
                xml.writeAttribute("type", "DrillCheckFailed");
                xml.writeCharacters(lines(step));
                xml.writeEndElement();
            }
            xml.writeStartElement("system-out");
            xml.writeCharacters(lines(step));
            xml.writeEndElement();
            xml.writeEndElement();
            xml.writeCharacters("\n");
        }
        if (phase.skipped() != null) {
            xml.writeStartElement("testcase");
            xml.writeAttribute("classname", suite);
            xml.writeAttribute("name", phase.name());
            xml.writeAttribute("time", "0");
            xml.writeEmptyElement("skipped");
            xml.writeAttribute("message", phase.skipped());
            xml.writeEndElement();
            xml.writeCharacters("\n");
        }
        xml.writeEndElement();
        xml.writeCharacters("\n");
    }

    private static String lines(StepResult step) {
        StringBuilder sb = new StringBuilder();
        for (Check c : step.checks()) {
            sb.append(c.ok() ? "PASS " : "FAIL ").append(c.name()).append(": ").append(c.detail()).append('\n');
        }
        step.facts().forEach((k, v) -> sb.append(k).append(" = ").append(v).append('\n'));
        return sb.toString();
    }

    private static long tests(PhaseResult phase) {
        return phase.steps().size() + (phase.skipped() == null ? 0 : 1);
    }

    private static long failures(PhaseResult phase) {
        return phase.steps().stream().filter(s -> !s.ok()).count();
    }

    static String seconds(long millis) {
        return String.format(Locale.ROOT, "%.3f", millis / 1000.0);
    }
}
