package org.bookbuild.math;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Lines of an align set one by one keep equal widths, so centring each keeps the columns aligned. */
class AlignedRowsTest {
  @Test
  void everyLineHasTheSameWidthEvenWithMissingCells() throws Exception {
    TexPrepass.Result r = TexPrepass.run("\\begin{align} a &= 1 & b &= 2 \\\\ 3a &= 3 & 17b &= 34 \\\\ a &\\neq b \\\\"
        + " \\sum_{i=1}^n x_i &\\le \\frac{1}{2} \\end{align}", true, Macros.of(Map.of()));
    List<String> rows = AlignedRows.pad(r.rows());
    assertEquals(4, rows.size());
    double w0 = Typesetter.layout(rows.get(0), true, 10).width();
    for (String row : rows) assertEquals(w0, Typesetter.layout(row, true, 10).width(), 0.05, row);
  }
}
