using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using CdkLint.Cdk;
using CdkLint.CodeFixes.Editing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CdkLint.CodeFixes.Rules
{
    /// <summary>CDK4004: <c>Tracing = Tracing.ACTIVE</c> in the function's props.</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(LambdaWithoutTracingFixer)), Shared]
    public sealed class LambdaWithoutTracingFixer : MissingSettingFixer
    {
        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(Descriptors.CDK4004.Id);

        internal override string EquivalenceKey => "CDK4004.Active";

        internal override string Title(Diagnostic diagnostic) => "Turn on active X-Ray tracing (Tracing.ACTIVE)";

        internal override IReadOnlyList<(string Name, ExpressionSyntax Value)>? Settings(FixContext context, ConstructCreation creation, Diagnostic diagnostic)
            => new[] { ("Tracing", PropsEditing.QualifiedName("Amazon.CDK.AWS.Lambda.Tracing.ACTIVE")) };
    }
}
