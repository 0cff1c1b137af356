package org.bookbuild.finish;

import java.io.IOException;
import org.apache.pdfbox.pdmodel.PDDocument;

/**
 * One change to the PDF that needs the whole document (a press's blank padding pages, printer's marks, a grayscale
 * conversion). {@link Finisher#finish(byte[], org.bookbuild.model.Metadata, java.util.List)} loads the PDF once, runs
 * the steps in order and saves once before its byte-level work.
 */
public interface FinishStep {
  void apply(PDDocument doc) throws IOException;
}
