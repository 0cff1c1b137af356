package org.bookbuild.figure;

import java.awt.Color;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;

/** The legend of a panel: one row per labelled series, in a framed box in the chosen corner of the plot area. */
final class Legend {
  private Legend() {}

  static void draw(Painter pt, Model.Panel p, Rectangle2D area) {
    if (p.legend().equals("none")) return;
    List<Model.Layer> rows = new ArrayList<>();
    for (Model.Layer l : p.layers()) {
      if (l.label().isEmpty() || l instanceof Model.Vector || l instanceof Model.Label) continue;
      if (l instanceof Model.Curve c && c.points().size() == 1) continue;
      rows.add(l);
    }
    if (rows.isEmpty()) return;
    double fs = pt.theme.fontSize(), sample = 16, pad = 4;
    double w = 0, h = 0;
    List<Labels.Extent> ext = new ArrayList<>();
    for (Model.Layer l : rows) {
      Labels.Extent e = pt.labels.measure(l.label(), fs);
      ext.add(e);
      w = Math.max(w, e.width());
      h += Math.max(fs * 1.3, e.ascent() + e.descent() + 2);
    }
    double bw = pad * 2 + sample + 4 + w, bh = pad * 2 + h - 2;
    double x = p.legend().endsWith("left") ? area.getMinX() + 5 : area.getMaxX() - 5 - bw;
    double y = p.legend().startsWith("top") ? area.getMinY() + 5 : area.getMaxY() - 5 - bh;
    Rectangle2D box = new Rectangle2D.Double(x, y, bw, bh);
    pt.c.g.setColor(Color.WHITE);
    pt.c.g.fill(box);
    pt.c.frame(box, 0.4, pt.theme.grid().darker());
    double cy = y + pad;
    for (int i = 0; i < rows.size(); i++) {
      Labels.Extent e = ext.get(i);
      double rh = Math.max(fs * 1.3, e.ascent() + e.descent() + 2);
      double mid = cy + rh / 2 - 1;
      pt.legendSample(rows.get(i), x + pad, mid, sample);
      pt.labels.draw(pt.c.g, rows.get(i).label(), fs, x + pad + sample + 4, mid + (e.ascent() - e.descent()) / 2, pt.theme.ink());
      cy += rh;
    }
  }
}
