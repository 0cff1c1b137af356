package org.bookbuild.fo.myst;

/** Registers the renderers of every Div kind the MyST directives make; called once by the FO renderer registry. */
public final class MystRenderers {
  private MystRenderers() {}

  public static void register() {
    Admonitions.register();
    Theorems.register();
    Exercises.register();
    Layout.register();
    Iframes.register();
    Tocs.register();
    WebOnlyBlocks.register();
  }
}
