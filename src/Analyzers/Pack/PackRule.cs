using System.Collections.Generic;

namespace CdkLint.Pack
{
    /// <summary>How CdkLint answers one AwsSolutions rule.</summary>
    internal enum Coverage
    {
        /// <summary>A concept rule (CDKnnnn) reports what the AwsSolutions rule does; its page names any difference.</summary>
        Concept,

        /// <summary>A pack diagnostic, CDKN_&lt;rule&gt;, reports it (beside the concept rule, if one covers part of it).</summary>
        Pack,

        /// <summary>C# source cannot decide it, or CdkLint does not decide it yet; <see cref="PackRule.Note"/> says why.</summary>
        NotInPack,
    }

    /// <summary>
    /// One prop check of a pack rule, as data: construct family <see cref="Construct"/> (a construct type, its
    /// subclasses included), prop <see cref="Prop"/> of its props, which values are non-compliant, and whether
    /// leaving the prop unset is (CDK's default being non-compliant). A team policy in cdklint.json is the same
    /// kind of check: a prop of a construct family that must be set, or must (not) hold some values.
    /// </summary>
    internal sealed class PropCheck
    {
        public PropCheck(string construct, string prop, bool unsetFires, string unsetText, IReadOnlyList<string>? firing = null, IReadOnlyList<string>? compliant = null, string? valueText = null)
        {
            Construct = construct;
            Prop = prop;
            UnsetFires = unsetFires;
            UnsetText = unsetText;
            Firing = firing;
            Compliant = compliant;
            ValueText = valueText;
        }

        /// <summary>The construct's full metadata name (<c>Amazon.CDK.AWS.S3.Bucket</c>).</summary>
        public string Construct { get; }

        public string Prop { get; }

        /// <summary>True when CDK's default (the prop left unset) is what the AwsSolutions rule reports.</summary>
        public bool UnsetFires { get; }

        /// <summary>The message's second half when the prop is unset: what CDK then does.</summary>
        public string UnsetText { get; }

        /// <summary>Values that are non-compliant (enum or static member names, <c>true</c>/<c>false</c>, numbers).</summary>
        public IReadOnlyList<string>? Firing { get; }

        /// <summary>When given, every other constant value is non-compliant.</summary>
        public IReadOnlyList<string>? Compliant { get; }

        /// <summary>The message's second half for a non-compliant value ({0}: the value).</summary>
        public string? ValueText { get; }

        /// <summary>Only when another prop of the same props holds one of these values (prefix match, case and underscores ignored); an unknown value skips the check.</summary>
        public (string Prop, string[] Prefixes)? OnlyWhen { get; set; }

        /// <summary>Only when the prop named here is set / not set (e.g. CFR4's protocol version matters only with a certificate).</summary>
        public string? OnlyWithProp { get; set; }

        /// <summary>Only when the prop named here is not set (S1: a bucket with a log prefix logs to itself).</summary>
        public string? OnlyWithoutProp { get; set; }

        /// <summary>A call on the construct (<c>lb.LogAccessLogs(…)</c>) that makes it compliant whatever its props say.</summary>
        public string? SatisfiedByCall { get; set; }

        /// <summary>A prop of another construct's props that, given this construct, makes it compliant (S1: another bucket's <c>ServerAccessLogsBucket</c>).</summary>
        public string? SatisfiedByUseAs { get; set; }

        /// <summary>
        /// The template property an L1 escape hatch sets (<c>instance.Instance.DisableApiTermination = true</c>, or
        /// <c>AddPropertyOverride("DisableApiTermination", …)</c>): a statement using the construct that names it
        /// satisfies the check, since the value is then the team's.
        /// </summary>
        public string? SatisfiedByEscapeHatch { get; set; }
    }

    /// <summary>
    /// One of cdk-nag's AwsSolutions rules (cdk-nag 3.0.2, 131 rules) and CdkLint's answer to it: the concept rule that
    /// covers it, the pack diagnostic <c>CDKN_&lt;Name&gt;</c>, or why neither does. The pack's descriptors, its doc
    /// pages, the AwsSolutions preset and the README's mapping table are all generated from these rows.
    /// </summary>
    internal sealed class PackRule
    {
        public PackRule(string name, bool nagError, string service, Coverage coverage, string title, string note, string? coveredBy = null, string? why = null, string? fix = null, IReadOnlyList<PropCheck>? checks = null, IReadOnlyList<string>? quiet = null)
        {
            Name = name;
            NagError = nagError;
            Service = service;
            Coverage = coverage;
            Title = title;
            Note = note;
            CoveredBy = coveredBy;
            Why = why ?? string.Empty;
            Fix = fix;
            Checks = checks ?? System.Array.Empty<PropCheck>();
            Quiet = quiet ?? System.Array.Empty<string>();
        }

        /// <summary>cdk-nag's rule name without the pack prefix: <c>S1</c>, <c>APIG4</c>.</summary>
        public string Name { get; }

        public string Id => "CDKN_" + Name;

        public string NagId => "AwsSolutions-" + Name;

        /// <summary>cdk-nag reports it as an error (else a warning).</summary>
        public bool NagError { get; }

        public string Service { get; }

        public Coverage Coverage { get; }

        /// <summary>What the AwsSolutions rule asks, in CdkLint's words (the pack descriptor's title).</summary>
        public string Title { get; }

        /// <summary>For a concept rule: what differs; for a pack rule: what it reports; otherwise why it is not decided from source.</summary>
        public string Note { get; }

        /// <summary>The concept rule(s) that cover the rule, or part of it ("CDK2008").</summary>
        public string? CoveredBy { get; }

        /// <summary>Why it matters (the pack descriptor's description).</summary>
        public string Why { get; }

        /// <summary>The pack rule's fix, or null with the reason on its page (<see cref="NoFixBecause"/>).</summary>
        public string? Fix { get; }

        /// <summary>The data checks of a data rule; empty for a relation rule (an analyzer class of its own).</summary>
        public IReadOnlyList<PropCheck> Checks { get; }

        /// <summary>Cases the rule does not report (its page's "Does not flag" list).</summary>
        public IReadOnlyList<string> Quiet { get; }

        /// <summary>Why a pack rule has no fix (its page).</summary>
        public string NoFixBecause { get; set; } = "the compliant value is a choice with cost or deployment consequences the team makes: CdkLint reports, it does not decide.";

        /// <summary>Divergences from cdk-nag the proof found (its page).</summary>
        public string? Divergence { get; private set; }

        /// <summary>Names the row's documented divergence from cdk-nag (a row is built once, in the table).</summary>
        public PackRule Diverging(string divergence)
        {
            Divergence = divergence;
            return this;
        }
    }
}
