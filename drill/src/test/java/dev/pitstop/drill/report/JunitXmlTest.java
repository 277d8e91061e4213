package dev.pitstop.drill.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/** The JUnit XML is valid against the JUnit schema's shape and says what the report says. */
class JunitXmlTest {
    private final String xml = new JunitXml().render(Reports.sample());

    @Test
    void isValidAgainstTheJunitSchema() throws Exception {
        SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        var schema = factory.newSchema(new StreamSource(getClass().getResourceAsStream("/junit.xsd")));
        schema.newValidator().validate(new StreamSource(new StringReader(xml))); // throws on any violation
    }

    @Test
    void suitesCasesAndFailuresMatchTheReport() throws Exception {
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new InputSource(new StringReader(xml)));
        Element root = doc.getDocumentElement();
        assertThat(root.getTagName()).isEqualTo("testsuites");
        assertThat(root.getAttribute("tests")).isEqualTo("3");
        assertThat(root.getAttribute("failures")).isEqualTo("1");
        assertThat(root.getAttribute("time")).isEqualTo("90.000");

        NodeList suites = root.getElementsByTagName("testsuite");
        assertThat(suites.getLength()).isEqualTo(3);
        Element failure = (Element) suites.item(1);
        assertThat(failure.getAttribute("name")).isEqualTo("drill.failure");
        assertThat(failure.getAttribute("failures")).isEqualTo("1");
        Element testcase = (Element) failure.getElementsByTagName("testcase").item(0);
        assertThat(testcase.getAttribute("name")).isEqualTo("nats: truncated <&> \"x\"");
        assertThat(testcase.getAttribute("time")).isEqualTo("1.200");
        Element problem = (Element) testcase.getElementsByTagName("failure").item(0);
        assertThat(problem.getAttribute("message"))
                .isEqualTo("bad bytes not in .pitstop/bin: [.pitstop/bin/nats] & <more>");
        assertThat(problem.getTextContent()).contains("PASS rolled back: exit 126");

        Element skipped = (Element) suites.item(2);
        assertThat(skipped.getAttribute("skipped")).isEqualTo("1");
        assertThat(((Element) skipped.getElementsByTagName("skipped").item(0)).getAttribute("message"))
                .isEqualTo("no running process has dependents");
        assertThat(((Element) suites.item(0)).getElementsByTagName("failure").getLength()).isZero();
    }
}
