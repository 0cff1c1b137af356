package org.bookbuild.figure;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.sax.SAXResult;
import javax.xml.transform.stream.StreamSource;
import org.apache.fop.apps.FOUserAgent;
import org.apache.fop.apps.Fop;
import org.apache.fop.apps.FopConfParser;
import org.apache.fop.apps.FopFactory;

/**
 * Test helper: sets a list of SVG files in a small FO document and renders it with FOP, configured with the CMU text
 * faces and jlatexmath's fonts the way the book's renderer does, collecting FOP's warnings.
 */
final class FigurePdf {
  final List<String> events = new ArrayList<>();

  byte[] render(List<Path> svgs, List<String> captions, Path work) throws Exception {
    StringBuilder fonts = new StringBuilder();
    Path cmu = Path.of("target/classes/styles/fonts/cmu").toAbsolutePath();
    String[][] faces = {{"500-roman", "normal", "normal"}, {"500-italic", "italic", "normal"}, {"700-roman", "normal", "bold"}, {"700-italic", "italic", "bold"}};
    for (String[] f : faces) {
      fonts.append("<font embed-url=\"").append(cmu.resolve("cmu-serif-" + f[0] + ".ttf").toUri())
          .append("\"><font-triplet name=\"CMU Serif\" style=\"").append(f[1]).append("\" weight=\"").append(f[2]).append("\"/></font>");
    }
    Path jlm = Files.createDirectories(work.resolve("jlm"));
    for (String res : jlmFonts()) {
      try (InputStream in = getClass().getClassLoader().getResourceAsStream(res)) {
        if (in == null) continue;
        String name = res.substring(res.lastIndexOf('/') + 1);
        Path t = jlm.resolve(name);
        if (!Files.exists(t)) Files.write(t, in.readAllBytes());
        fonts.append("<font kerning=\"no\" embed-url=\"").append(t.toUri()).append("\"><font-triplet name=\"")
            .append(name.replace(".ttf", "")).append("\" style=\"normal\" weight=\"normal\"/></font>");
      }
    }
    String conf = "<fop version=\"1.0\"><use-cache>false</use-cache><renderers><renderer mime=\"application/pdf\"><fonts>"
        + fonts + "</fonts></renderer></renderers></fop>";
    FopFactory factory = new FopConfParser(new ByteArrayInputStream(conf.getBytes(StandardCharsets.UTF_8)), work.toUri()).getFopFactoryBuilder().build();
    StringBuilder fo = new StringBuilder("<?xml version=\"1.0\"?><fo:root xmlns:fo=\"http://www.w3.org/1999/XSL/Format\" font-family=\"CMU Serif\">"
        + "<fo:layout-master-set><fo:simple-page-master master-name=\"p\" page-width=\"160mm\" page-height=\"240mm\" margin=\"15mm\">"
        + "<fo:region-body/></fo:simple-page-master></fo:layout-master-set><fo:page-sequence master-reference=\"p\"><fo:flow flow-name=\"xsl-region-body\">");
    for (int i = 0; i < svgs.size(); i++) {
      fo.append("<fo:block keep-together.within-page=\"always\" space-after=\"12pt\"");
      if (i > 0) fo.append(" break-before=\"page\"");
      fo.append("><fo:block><fo:external-graphic src=\"url(").append(svgs.get(i).toUri()).append(")\"/></fo:block>")
          .append("<fo:block font-size=\"9pt\">").append(captions.get(i)).append("</fo:block></fo:block>");
    }
    fo.append("</fo:flow></fo:page-sequence></fo:root>");
    FOUserAgent ua = factory.newFOUserAgent();
    ua.getEventBroadcaster().addEventListener(e -> events.add(e.getEventKey() + ": " + org.apache.fop.events.EventFormatter.format(e)));
    ByteArrayOutputStream pdf = new ByteArrayOutputStream();
    Fop fop = factory.newFop("application/pdf", ua, pdf);
    Transformer t = TransformerFactory.newDefaultInstance().newTransformer();
    t.transform(new StreamSource(new StringReader(fo.toString())), new SAXResult(fop.getDefaultHandler()));
    return pdf.toByteArray();
  }

  private static List<String> jlmFonts() {
    String base = "org/scilab/forge/jlatexmath/fonts/";
    List<String> out = new ArrayList<>();
    for (String f : new String[] {"base/jlm_cmex10", "base/jlm_cmmi10", "base/jlm_cmmib10", "latin/jlm_cmr10", "maths/jlm_cmsy10",
        "maths/jlm_msbm10", "maths/jlm_msam10", "latin/optional/jlm_cmbx10", "latin/optional/jlm_cmti10", "maths/jlm_cmbsy10"}) {
      out.add(base + f + ".ttf");
    }
    return out;
  }
}
