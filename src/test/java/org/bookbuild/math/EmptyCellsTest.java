package org.bookbuild.math;

import static org.junit.jupiter.api.Assertions.*;

import java.lang.reflect.Field;
import org.junit.jupiter.api.Test;
import org.scilab.forge.jlatexmath.TeXConstants;
import org.scilab.forge.jlatexmath.TeXFormula;
import org.scilab.forge.jlatexmath.TeXIcon;

/**
 * jlatexmath sets empty cells with one shared box and, for a short row that starts empty, writes into it: every later
 * formula of the run then lost the rest of each row at an empty cell (mines-nancy-optimization printed one row of a
 * four-row align* after a bmatrix written with doubled row breaks had been laid out anywhere in the book).
 */
class EmptyCellsTest {
  /** Rows 2 and 3 start with an empty cell, as align* rows continuing an equation do: x = 1 = 2 = 3, 7 glyphs. */
  static final String ROWS = "\\begin{aligned}x&=1\\\\&=2\\\\&=3\\end{aligned}";
  /** A matrix with an empty row between its two rows (\\\\ written twice), as Jupyter notes often have it. */
  static final String EMPTY_ROW = "\\begin{bmatrix} a & b \\\\\\\\ c & d \\end{bmatrix}";

  @Test
  void everyEmptyCellIsWrittenAsAnEmptyGroup() {
    assertEquals("\\begin{aligned}x&=1\\\\{}&=2\\\\{}&=3\\end{aligned}", EmptyCells.fill(ROWS));
    assertEquals("\\begin{bmatrix} a & b \\\\{}\\\\ c & d \\end{bmatrix}", EmptyCells.fill(EMPTY_ROW));
    assertEquals("\\begin{array}{cc}{}&x\\\\y&{}\\end{array}", EmptyCells.fill("\\begin{array}{cc}&x\\\\y&\\end{array}"));
    // nested environments, cells inside braces and the array's column argument are their own
    assertEquals("\\left(\\begin{matrix}{}&\\begin{cases}{}&1\\end{cases}\\end{matrix}\\right) \\text{a & b}",
        EmptyCells.fill("\\left(\\begin{matrix}&\\begin{cases}&1\\end{cases}\\end{matrix}\\right) \\text{a & b}"));
    // a row break that ends the last row starts no row (jlatexmath drops the empty last row); a row gap stays
    assertEquals("\\begin{aligned}a&=b\\\\\\end{aligned}", EmptyCells.fill("\\begin{aligned}a&=b\\\\\\end{aligned}"));
    assertEquals("\\begin{aligned}a&=b\\\\[2pt]{}&=c\\end{aligned}", EmptyCells.fill("\\begin{aligned}a&=b\\\\[2pt]&=c\\end{aligned}"));
    String plain = "\\frac{a}{b} + \\{x\\}";
    assertSame(plain, EmptyCells.fill(plain));
  }

  @Test
  void anEmptyGroupTakesTheRoomAnEmptyCellTakes() throws Exception {
    for (String tex : new String[] {ROWS, EMPTY_ROW, "\\begin{array}{ccc}a&&b\\\\&c&\\end{array}"}) {
      EmptyCells.repair();
      TeXIcon raw = new TeXFormula(tex).createTeXIcon(TeXConstants.STYLE_DISPLAY, 10f, true);
      EmptyCells.repair();
      Typesetter.Laid filled = Typesetter.layout(tex, true, 10f);
      assertEquals(raw.getTrueIconWidth(), filled.width(), 1e-4, tex);
      assertEquals(raw.getTrueIconHeight(), filled.height() + filled.depth(), 1e-4, tex);
    }
  }

  @Test
  void aFormulaWithAnEmptyRowTakesNothingFromTheFormulasAfterIt() throws Exception {
    assertEquals(7, Typesetter.layout(ROWS, true, 10f).glyphs());
    Typesetter.layout(EMPTY_ROW, true, 10f);
    assertTrue(EmptyCells.intact(), "the shared empty-cell box is untouched");
    assertEquals(7, Typesetter.layout(ROWS, true, 10f).glyphs(), "every row of the formula after it is painted");
  }

  @Test
  void theSharedBoxIsPutBackBeforeEveryLayout() throws Exception {
    // as the old layout of a short row starting empty left it: marked intertext (11), so an empty cell ends its row
    Field f = Class.forName("org.scilab.forge.jlatexmath.MatrixAtom").getDeclaredField("nullBox");
    f.setAccessible(true);
    Object box = f.get(null);
    Field type = Class.forName("org.scilab.forge.jlatexmath.Box").getDeclaredField("type");
    type.setAccessible(true);
    int before = type.getInt(box);
    try {
      type.setInt(box, TeXConstants.TYPE_INTERTEXT);
      assertFalse(EmptyCells.intact());
      // a row after \hline starts with an empty cell the fill cannot see (the cell holds \hline): x = 1 = 2
      assertEquals(5, Typesetter.layout("\\begin{aligned}x&=1\\\\ \\hline &=2\\end{aligned}", true, 10f).glyphs());
      assertTrue(EmptyCells.intact());
    } finally {
      type.setInt(box, before);
    }
  }
}
