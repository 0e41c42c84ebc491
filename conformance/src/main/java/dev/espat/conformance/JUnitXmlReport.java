package dev.espat.conformance;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * The report for CI systems, in the JUnit XML that Jenkins, GitLab and GitHub reporters read: one
 * {@code <testsuite>} per rule id, one {@code <testcase>} per transcript naming it (a transcript
 * naming two rules shows under both), failures with the byte diff, skips with the reason.
 *
 * <pre>{@code
 * JUnitXmlReport.write(report, Path.of("target/conformance.xml"));
 * }</pre>
 */
public final class JUnitXmlReport {
  private JUnitXmlReport() {}

  /** Writes the report to {@code file}, replacing it. */
  public static void write(ConformanceReport report, Path file) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    Path temp = Files.createTempFile(parent, ".conformance", ".xml");
    try {
      try (OutputStream out = Files.newOutputStream(temp)) {
        write(report, out);
      }
      Files.move(temp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  /** Writes the report as UTF-8 XML. */
  public static void write(ConformanceReport report, OutputStream out) throws IOException {
    try {
      XMLStreamWriter x = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
      x.writeStartDocument("UTF-8", "1.0");
      x.writeCharacters("\n");
      x.writeStartElement("testsuites");
      x.writeAttribute("name", "esp-at conformance");
      x.writeAttribute("tests", Integer.toString(report.results().size()));
      x.writeAttribute("failures", Long.toString(report.count(Verdict.FAIL)));
      x.writeAttribute("skipped", Long.toString(report.count(Verdict.SKIP)));
      x.writeAttribute("time", seconds(report.took().toNanos()));
      for (Group g : groups(report)) {
        suite(x, report, g);
      }
      x.writeCharacters("\n");
      x.writeEndElement();
      x.writeEndDocument();
      x.flush();
      x.close();
    } catch (XMLStreamException e) {
      throw new IOException("cannot write the JUnit XML: " + e.getMessage(), e);
    }
  }

  private record Group(String name, List<TranscriptResult> results) {}

  private static List<Group> groups(ConformanceReport report) {
    List<Group> groups = new ArrayList<>();
    report.rules().forEach(r -> groups.add(new Group(r.rule(), r.transcripts())));
    List<TranscriptResult> unassigned = report.results().stream().filter(r -> r.transcript().rules().isEmpty()).toList();
    if (!unassigned.isEmpty()) {
      groups.add(new Group("no-rule", unassigned));
    }
    return groups;
  }

  private static void suite(XMLStreamWriter x, ConformanceReport report, Group g) throws XMLStreamException {
    x.writeCharacters("\n  ");
    x.writeStartElement("testsuite");
    x.writeAttribute("name", g.name());
    x.writeAttribute("tests", Integer.toString(g.results().size()));
    x.writeAttribute("failures", Long.toString(g.results().stream().filter(r -> r.verdict() == Verdict.FAIL).count()));
    x.writeAttribute("errors", "0");
    x.writeAttribute("skipped", Long.toString(g.results().stream().filter(r -> r.verdict() == Verdict.SKIP).count()));
    x.writeAttribute("time", seconds(g.results().stream().mapToLong(r -> r.took().toNanos()).sum()));
    x.writeCharacters("\n    ");
    x.writeStartElement("properties");
    property(x, "device", report.device());
    property(x, "firmware", report.firmware().isEmpty() ? "unknown" : report.firmware() + " (" + report.firmwareSource() + ")");
    property(x, "server", report.server());
    x.writeEndElement();
    for (TranscriptResult r : g.results()) {
      x.writeCharacters("\n    ");
      x.writeStartElement("testcase");
      x.writeAttribute("classname", "conformance." + g.name());
      x.writeAttribute("name", r.name());
      x.writeAttribute("file", r.transcript().source());
      x.writeAttribute("time", seconds(r.took().toNanos()));
      switch (r.verdict()) {
        case FAIL -> {
          x.writeStartElement("failure");
          x.writeAttribute("message", clean(r.reason()));
          x.writeAttribute("type", "conformance");
          x.writeCharacters(clean(r.reason() + (r.detail().isEmpty() ? "" : "\n" + r.detail())));
          x.writeEndElement();
        }
        case SKIP -> {
          x.writeEmptyElement("skipped");
          x.writeAttribute("message", clean(r.reason()));
        }
        case PASS -> { }
      }
      x.writeEndElement();
    }
    x.writeCharacters("\n  ");
    x.writeEndElement();
  }

  private static void property(XMLStreamWriter x, String name, String value) throws XMLStreamException {
    x.writeCharacters("\n      ");
    x.writeEmptyElement("property");
    x.writeAttribute("name", name);
    x.writeAttribute("value", clean(value));
  }

  private static String seconds(long nanos) {
    return String.format(Locale.ROOT, "%.3f", nanos / 1e9);
  }

  /** XML 1.0 cannot hold most control characters; diffs are escaped already, this is a backstop. */
  private static String clean(String s) {
    StringBuilder b = new StringBuilder(s.length());
    s.codePoints().forEach(c -> b.appendCodePoint(c < 0x20 && c != '\n' && c != '\t' ? '?' : c));
    return b.toString();
  }
}
