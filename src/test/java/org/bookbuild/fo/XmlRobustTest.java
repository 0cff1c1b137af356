package org.bookbuild.fo;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

/** The FO writer's XML builder keeps its output well-formed whatever it is given. */
class XmlRobustTest {
  @Test
  void aRepeatedAttributeKeepsTheLastValue() {
    Xml x = new Xml();
    x.start("fo:block").attr("text-align", "left").attr("font-size", "9pt").attr("text-align", "right").end();
    assertEquals("<fo:block font-size=\"9pt\" text-align=\"right\"/>", x.toString());
  }

  @Test
  void rollbackTakesBackOpenElementsAndText() {
    Xml x = new Xml();
    x.start("fo:flow").attr("flow-name", "body");
    Xml.Mark m = x.mark();
    x.start("fo:block").start("fo:inline").text("half");
    x.rollback(m);
    x.start("fo:block").text("ok").end().end();
    assertEquals("<fo:flow flow-name=\"body\"><fo:block>ok</fo:block></fo:flow>", x.toString());
  }

  @Test
  void charactersXmlCannotCarryAreDropped() {
    Xml x = new Xml();
    x.start("a").attr("t", "q\"<\u0000\uD800").text("a\u0007b\uFFFE<&\uD835\uDC00").end();
    assertEquals("<a t=\"q&quot;&lt;\">ab&lt;&amp;\uD835\uDC00</a>", x.toString());
  }
}
