package io.leakguard.net;

import io.leakguard.core.Warning;
import java.util.List;

/**
 * A snapshot of the network as read from one set of exports: targets with their layers, every rule
 * set (attached or not), and the warnings the readers raised.
 *
 * @param targets every target, latent ones included
 * @param ruleSets every rule set read
 * @param warnings what was not fully understood (treated as exposed)
 */
public record NetModel(List<Target> targets, List<RuleSet> ruleSets, List<Warning> warnings) {
  public NetModel {
    targets = List.copyOf(targets);
    ruleSets = List.copyOf(ruleSets);
    warnings = List.copyOf(warnings);
  }
}
