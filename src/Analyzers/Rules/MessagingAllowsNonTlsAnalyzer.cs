using System;
using System.Collections.Immutable;
using CdkLint.Cdk;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CdkLint.Rules
{
    /// <summary>
    /// CDK2006. An SQS queue or SNS topic accepts requests over plain HTTP unless its resource policy denies them
    /// (<c>aws:SecureTransport = false</c>); CDK writes that deny for <c>EnforceSSL = true</c> and its default is off. The
    /// app may also write the deny itself. Topics: CDK 2.103 has no <c>EnforceSSL</c> on topics, and on 2.129–2.177 the
    /// prop writes its deny only when another statement lands in the topic policy (aws-cdk #31558); there the finding
    /// sits on the creation and the fix adds the statement by hand.
    /// </summary>
    public sealed class MessagingAllowsNonTlsAnalyzer : CdkAnalyzer
    {
        /// <summary>Diagnostic property: present when the fix is the deny statement by hand (a topic on CDK before 2.178).</summary>
        internal const string TopicPolicyKey = "TopicPolicy";

        /// <summary>The first CDK version whose topics write the <c>EnforceSSL</c> deny on their own.</summary>
        internal static readonly Version TopicEnforceSslWorks = new(2, 178);

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.CDK2006);

        internal override void OnCdkCompilationStart(RuleStartContext context, CdkSymbols symbols)
        {
            var queue = symbols.Type("Amazon.CDK.AWS.SQS.Queue");
            var topic = symbols.Type("Amazon.CDK.AWS.SNS.Topic");
            if (queue is null && topic is null)
            {
                return;
            }

            // An unknown version (0.0) is taken as a current one: no finding rests on a guess about an old CDK.
            var topicPropWorks = symbols.CdkVersion >= TopicEnforceSslWorks || symbols.CdkVersion.Major == 0;
            context.RegisterConstructCreationAction((ctx, creation) =>
            {
                var isQueue = queue is not null && CdkSymbols.InheritsFrom(creation.Type, queue);
                if (!isQueue && (topic is null || !CdkSymbols.InheritsFrom(creation.Type, topic)))
                {
                    return;
                }

                var props = PropsReader.Read(creation, ctx.CancellationToken);
                var kind = isQueue ? ResourcePolicies.Kind.Queue : ResourcePolicies.Kind.Topic;
                var oldTopic = !isQueue && !topicPropWorks;
                Location? location;
                string problem;
                if (props.TryGet("EnforceSSL", out var enforce))
                {
                    if (!Constant.TryGetBool(enforce.Value, out var on))
                    {
                        return; // chosen at run time: a decision per environment
                    }

                    if (on && !oldTopic || on && ResourcePolicies.AddsAnyStatement(creation.Operation, ctx.CancellationToken))
                    {
                        return;
                    }

                    location = oldTopic ? creation.Location : enforce.Value.Syntax.GetLocation();
                    problem = on
                        ? $"CDK {symbols.CdkVersion.ToString(2)} writes the deny of EnforceSSL only when the topic policy has another statement; add the deny with AddToResourcePolicy"
                        : oldTopic
                            ? "EnforceSSL = false keeps the deny out of its policy; add the deny with AddToResourcePolicy"
                            : "EnforceSSL = false keeps the deny out of its policy; set it to true";
                }
                else if (props.IsComplete)
                {
                    location = creation.Location;
                    problem = oldTopic
                        ? $"its policy has no deny for plain HTTP; add one with AddToResourcePolicy (EnforceSSL works on topics from CDK {TopicEnforceSslWorks.ToString(2)})"
                        : "its policy has no deny for plain HTTP; set EnforceSSL = true (CDK leaves it off)";
                }
                else
                {
                    return;
                }

                if (!ResourcePolicies.EnforcesTls(creation.Operation, kind, ctx.CancellationToken))
                {
                    var properties = oldTopic ? ImmutableDictionary<string, string?>.Empty.Add(TopicPolicyKey, "true") : ImmutableDictionary<string, string?>.Empty;
                    ctx.ReportDiagnostic(Diagnostic.Create(Descriptors.CDK2006, location, properties, creation.DisplayName, problem));
                }
            });
        }
    }
}
