package chainrule.build;

/**
 * An enum for Samples' switches, public and outside Samples so that DesugarTest does not copy it: an enum hashes
 * by identity, so both copies of Samples (in two run-time packages) must see the same constants.
 */
public enum SampleColor { RED, GREEN, BLUE }
