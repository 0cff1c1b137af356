package org.bookbuild.math;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.util.List;
import org.apache.xmlgraphics.io.Resource;
import org.apache.xmlgraphics.io.ResourceResolver;

/**
 * jlatexmath's own TrueType fonts as FOP fonts. jlatexmath draws every glyph with an AWT font named after its file
 * ({@code jlm_cmmi10} …); FOP's PDF Graphics2D looks fonts up by that name, so each file is registered under a triplet
 * of the same name. Unregistered, FOP silently substitutes Times (√ prints as "p"). The files stay inside the
 * jlatexmath jars and are read through {@code classpath:} URIs, which {@link #resolver} understands.
 */
public final class MathFonts {
  /** URI scheme for resources on the class path. */
  public static final String SCHEME = "classpath";

  private static final String BASE = "org/scilab/forge/jlatexmath/";

  /** Every TTF shipped in jlatexmath 1.0.7 and its greek and cyrillic font jars, relative to {@link #BASE}. */
  static final List<String> FILES = List.of(
      "fonts/base/jlm_cmex10.ttf", "fonts/base/jlm_cmmi10.ttf", "fonts/base/jlm_cmmib10.ttf",
      "fonts/euler/jlm_eufb10.ttf", "fonts/euler/jlm_eufm10.ttf",
      "fonts/latin/jlm_cmr10.ttf", "fonts/latin/jlm_jlmbi10.ttf", "fonts/latin/jlm_jlmbx10.ttf",
      "fonts/latin/jlm_jlmi10.ttf", "fonts/latin/jlm_jlmr10.ttf", "fonts/latin/jlm_jlmsb10.ttf",
      "fonts/latin/jlm_jlmsbi10.ttf", "fonts/latin/jlm_jlmsi10.ttf", "fonts/latin/jlm_jlmss10.ttf",
      "fonts/latin/jlm_jlmtt10.ttf",
      "fonts/latin/optional/jlm_cmbx10.ttf", "fonts/latin/optional/jlm_cmbxti10.ttf",
      "fonts/latin/optional/jlm_cmss10.ttf", "fonts/latin/optional/jlm_cmssbx10.ttf",
      "fonts/latin/optional/jlm_cmssi10.ttf", "fonts/latin/optional/jlm_cmti10.ttf",
      "fonts/latin/optional/jlm_cmtt10.ttf",
      "fonts/maths/jlm_cmbsy10.ttf", "fonts/maths/jlm_cmsy10.ttf", "fonts/maths/jlm_msam10.ttf",
      "fonts/maths/jlm_msbm10.ttf", "fonts/maths/jlm_rsfs10.ttf", "fonts/maths/jlm_special.ttf",
      "fonts/maths/jlm_stmary10.ttf", "fonts/maths/optional/jlm_dsrom10.ttf",
      "greek/fonts/jlm_fcmbipg.ttf", "greek/fonts/jlm_fcmbpg.ttf", "greek/fonts/jlm_fcmripg.ttf",
      "greek/fonts/jlm_fcmrpg.ttf", "greek/fonts/jlm_fcsbpg.ttf", "greek/fonts/jlm_fcsropg.ttf",
      "greek/fonts/jlm_fcsrpg.ttf", "greek/fonts/jlm_fctrpg.ttf",
      "cyrillic/fonts/jlm_wnbx10.ttf", "cyrillic/fonts/jlm_wnbxti10.ttf", "cyrillic/fonts/jlm_wnr10.ttf",
      "cyrillic/fonts/jlm_wnss10.ttf", "cyrillic/fonts/jlm_wnssbx10.ttf", "cyrillic/fonts/jlm_wnssi10.ttf",
      "cyrillic/fonts/jlm_wnti10.ttf", "cyrillic/fonts/jlm_wntt10.ttf");

  private MathFonts() {}

  /** Class-path resource names of the font files. */
  public static List<String> resources() {
    return FILES.stream().map(f -> BASE + f).toList();
  }

  /** The font family name jlatexmath's AWT font reports for a file (its name without {@code .ttf}). */
  static String family(String file) {
    String name = file.substring(file.lastIndexOf('/') + 1);
    return name.substring(0, name.length() - 4);
  }

  /**
   * The {@code <font>} elements for FOP's configuration, to be placed inside the PDF renderer's {@code <fonts>}. Kerning
   * is off: jlatexmath positions every glyph itself.
   */
  public static String fopFontsXml() {
    StringBuilder sb = new StringBuilder();
    for (String f : FILES) {
      sb.append("<font kerning=\"no\" embed-url=\"").append(SCHEME).append(':').append(BASE).append(f)
          .append("\" embedding-mode=\"subset\"><font-triplet name=\"").append(family(f))
          .append("\" style=\"normal\" weight=\"normal\"/></font>\n");
    }
    return sb.toString();
  }

  /**
   * A resolver for {@code FopConfParser(InputStream, URI, ResourceResolver)}: {@code classpath:} URIs are read from this
   * class's class loader, everything else goes to {@code fallback}.
   */
  public static ResourceResolver resolver(ResourceResolver fallback) {
    return new ResourceResolver() {
      @Override
      public Resource getResource(URI uri) throws IOException {
        if (SCHEME.equals(uri.getScheme())) {
          String path = uri.getSchemeSpecificPart();
          while (path.startsWith("/")) path = path.substring(1);
          InputStream in = MathFonts.class.getClassLoader().getResourceAsStream(path);
          if (in == null) throw new java.io.FileNotFoundException("no class-path resource " + path);
          return new Resource(in);
        }
        return fallback.getResource(uri);
      }

      @Override
      public OutputStream getOutputStream(URI uri) throws IOException {
        return fallback.getOutputStream(uri);
      }
    };
  }
}
