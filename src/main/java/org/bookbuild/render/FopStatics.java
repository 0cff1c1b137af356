package org.bookbuild.render;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import org.apache.fop.pdf.PDFObject;

/**
 * Lets go of the PDF document FOP just wrote. FOP keeps some PDF names as constants ({@code PDFPageLabels}'s
 * {@code /D}, the standard structure types {@code /P}, {@code /Div} …, the cross-reference stream's {@code /XRef}), and
 * putting such a constant into a dictionary or a structure element makes that object its parent. A static constant
 * then holds, through its parent's document, every object of the last PDF written: pages, the whole structure tree,
 * fonts. In a 1,246-page book that was about 500 MB kept alive through the finishing stage (found with JFR's old-object
 * sample, path to GC roots: {@code PDFPageLabels.S_DECIMAL.parent → PDFDictionary.document → PDFDocument}), and in
 * {@code book watch} until the next build. {@link #release()} unhooks every such constant; FOP sets the parent again
 * the next time it uses one.
 *
 * <p>The constants are found by reflection in the FOP classes that declare them (listed from FOP 2.11's jar: every
 * static field holding a {@link PDFObject}, directly, in an array, or in a constant object of FOP's such as a
 * structure type or a table scope); a class or field a later FOP lacks is skipped.
 */
final class FopStatics {
  private FopStatics() {}

  private static final String[] CLASSES = {
      "org.apache.fop.pdf.PDFPageLabels",
      "org.apache.fop.pdf.PDFRoot",
      "org.apache.fop.pdf.PDFGState",
      "org.apache.fop.pdf.ObjectStream",
      "org.apache.fop.pdf.xref.CrossReferenceStream",
      "org.apache.fop.pdf.StandardStructureAttributes$Table",
      "org.apache.fop.pdf.StandardStructureAttributes$Table$Scope",
      "org.apache.fop.pdf.StandardStructureTypes$Grouping",
      "org.apache.fop.pdf.StandardStructureTypes$Paragraphlike",
      "org.apache.fop.pdf.StandardStructureTypes$List",
      "org.apache.fop.pdf.StandardStructureTypes$Table",
      "org.apache.fop.pdf.StandardStructureTypes$InlineLevelStructure",
      "org.apache.fop.pdf.StandardStructureTypes$RubyOrWarichu",
      "org.apache.fop.pdf.StandardStructureTypes$Illustration",
      "org.apache.fop.render.pdf.PDFLogicalStructureHandler",
      "org.apache.fop.render.pdf.ImageRawPNGAdapter",
  };

  private static volatile List<PDFObject> constants;

  /** FOP's shared PDF objects, found once. */
  static List<PDFObject> constants() {
    List<PDFObject> c = constants;
    if (c != null) return c;
    List<PDFObject> found = new ArrayList<>();
    for (String name : CLASSES) {
      Class<?> k;
      try {
        k = Class.forName(name, true, FopStatics.class.getClassLoader());
      } catch (ClassNotFoundException | LinkageError e) {
        continue;
      }
      for (Field f : k.getDeclaredFields()) {
        if (!Modifier.isStatic(f.getModifiers())) continue;
        try {
          f.setAccessible(true);
          add(f.get(null), found);
        } catch (RuntimeException | IllegalAccessException e) {
          // a field this FOP does not let us read: left as it is
        }
      }
    }
    constants = List.copyOf(found);
    return constants;
  }

  /** {@code v} when it is a PDF object; else the PDF objects in it (an array's, or a FOP constant's own fields). */
  private static void add(Object v, List<PDFObject> found) {
    if (v instanceof PDFObject o) {
      found.add(o);
    } else if (v instanceof Object[] a) {
      for (Object e : a) add(e, found);
    } else if (v != null && v.getClass().getName().startsWith("org.apache.fop.")) {
      // a structure type or a table scope: a constant object holding its PDF name
      for (Class<?> k = v.getClass(); k != null && k != Object.class && k != Enum.class; k = k.getSuperclass()) {
        for (Field f : k.getDeclaredFields()) {
          if (Modifier.isStatic(f.getModifiers()) || !PDFObject.class.isAssignableFrom(f.getType())) continue;
          try {
            f.setAccessible(true);
            if (f.get(v) instanceof PDFObject o) found.add(o);
          } catch (RuntimeException | IllegalAccessException e) {
            // left as it is
          }
        }
      }
    }
  }

  /** Unhooks FOP's constants from the document they were last put into. Call when no FOP PDF run is under way. */
  static void release() {
    for (PDFObject o : constants()) {
      o.setParent(null);
      o.setDocument(null);
    }
  }
}
