package org.bookbuild.parse;

import java.util.List;
import org.bookbuild.diag.Diagnostics;
import org.bookbuild.diag.SourcePos;
import org.bookbuild.model.Block;
import org.bookbuild.model.Inline;
import org.bookbuild.parse.role.RoleRegistry;
import org.bookbuild.parse.role.RoleSpec;

/** Runs a flexmark role node through the {@link RoleRegistry}, giving specs a way to parse inline Markdown. */
final class RoleReader implements RoleSpec.RoleContext {
  private final ParseEnv env;

  private RoleReader(ParseEnv env) {
    this.env = env;
  }

  static List<Inline> run(MystNodes.Role node, ParseEnv env, LineIndex lines) {
    RoleSpec.Role r = new RoleSpec.Role(node.name, node.content, lines.pos(node.getStartOffset()),
        lines.pos(node.contentOffset));
    return RoleRegistry.run(r, new RoleReader(env));
  }

  @Override
  public java.util.Optional<org.bookbuild.parse.directive.Glued> glue(String key) {
    return env.scope().glued(env.world(), env.file(), key);
  }

  @Override
  public org.bookbuild.project.Project.Reading reading() {
    return env.scope().reading();
  }

  @Override
  public Diagnostics diags() {
    return env.diags();
  }

  @Override
  public List<Inline> inlines(String text, SourcePos pos) {
    if (text.isBlank()) return List.of();
    List<Block> bs = env.parser().parse(env, LineIndex.at(pos.file(), text, pos), text);
    if (bs.size() == 1 && bs.get(0) instanceof Block.Para p) return p.content();
    return List.of(new Inline.Text(pos, text));
  }
}
