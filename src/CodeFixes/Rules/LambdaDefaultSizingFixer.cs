using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using CdkLint.Cdk;
using CdkLint.CodeFixes.Editing;
using CdkLint.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CdkLint.CodeFixes.Rules
{
    /// <summary>
    /// CDK3003: the team's sizing (options <c>cdklint.CDK3003.memory_size</c> and <c>cdklint.CDK3003.timeout_seconds</c>)
    /// for the settings the function leaves unset. Without both options there is no fix: writing AWS's defaults out would
    /// change nothing.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(LambdaDefaultSizingFixer)), Shared]
    public sealed class LambdaDefaultSizingFixer : MissingSettingFixer
    {
        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(Descriptors.CDK3003.Id);

        internal override string EquivalenceKey => "CDK3003.TeamSizing";

        internal override string Title(Diagnostic diagnostic) => "Size the function with the team's memory and timeout";

        internal override IReadOnlyList<(string Name, ExpressionSyntax Value)>? Settings(FixContext context, ConstructCreation creation, Diagnostic diagnostic)
        {
            // Lambda accepts 128–10240 MB and 1–900 seconds; other values would fail the deploy.
            if (!context.TryGetNumberOption(Descriptors.CDK3003.Id, OptionKeys.MemorySize, 128, 10240, integer: true, out var memory)
                || !context.TryGetNumberOption(Descriptors.CDK3003.Id, OptionKeys.TimeoutSeconds, 1, 900, integer: true, out var timeout)
                || !diagnostic.Properties.TryGetValue(LambdaDefaultSizingAnalyzer.MissingKey, out var missing) || missing is null)
            {
                return null;
            }

            var settings = new List<(string, ExpressionSyntax)>();
            foreach (var name in missing.Split(','))
            {
                settings.Add(name == "MemorySize"
                    ? (name, SyntaxFactory.ParseExpression(memory))
                    : (name, PropsEditing.QualifiedExpression($"global::Amazon.CDK.Duration.Seconds({timeout})")));
            }

            return settings;
        }
    }
}
