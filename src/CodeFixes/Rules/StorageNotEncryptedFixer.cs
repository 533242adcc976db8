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
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Operations;

namespace CdkLint.CodeFixes.Rules
{
    /// <summary>
    /// CDK2007: the edit the analyzer names in the finding's <c>Fix</c> property — the encryption boolean set to true (or a
    /// <c>false</c> written over), <c>UNENCRYPTED</c> replaced by the managed member, <c>Encrypted = true</c> in an EBS
    /// device's options, or OpenSearch's <c>EncryptionAtRest = new EncryptionAtRestOptions { Enabled = true }</c>. The
    /// title, also from the finding, says what the change does to a deployed resource (several replace it).
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(StorageNotEncryptedFixer)), Shared]
    public sealed class StorageNotEncryptedFixer : MissingSettingFixer
    {
        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(Descriptors.CDK2007.Id);

        internal override string EquivalenceKey => "CDK2007.Encrypt";

        internal override string Title(Diagnostic diagnostic)
            => diagnostic.Properties.TryGetValue(StorageNotEncryptedAnalyzer.TitleKey, out var title) && title is not null ? title : "Encrypt at rest";

        private static readonly ExpressionSyntax True = SyntaxFactory.LiteralExpression(SyntaxKind.TrueLiteralExpression);

        internal override IReadOnlyList<(string Name, ExpressionSyntax Value)>? Settings(FixContext context, ConstructCreation creation, Diagnostic diagnostic)
        {
            switch (Fix(diagnostic))
            {
                case StorageNotEncryptedAnalyzer.Fixes.SetTrue when diagnostic.Properties.TryGetValue(StorageNotEncryptedAnalyzer.PropKey, out var property) && property is not null:
                    return new[] { (property, True) };
                case StorageNotEncryptedAnalyzer.Fixes.OpenSearch:
                    return new[] { ("EncryptionAtRest", PropsEditing.ParseQualified("new global::Amazon.CDK.AWS.OpenSearchService.EncryptionAtRestOptions { Enabled = true }")) };
                default:
                    return null;
            }
        }

        internal override bool TryFixValue(FixContext context, DocumentEditor editor, SyntaxNode node, Diagnostic diagnostic)
        {
            switch (Fix(diagnostic))
            {
                case StorageNotEncryptedAnalyzer.Fixes.SetTrue:
                    return BooleanSettings.ReplaceFalseLiteral(editor, node);
                case StorageNotEncryptedAnalyzer.Fixes.QueueManaged or StorageNotEncryptedAnalyzer.Fixes.StreamManaged when node is ExpressionSyntax value && node.Parent is AssignmentExpressionSyntax:
                    editor.ReplaceNode(value, PropsEditing.QualifiedName(Fix(diagnostic)!).WithTriviaFrom(value));
                    return true;
                case StorageNotEncryptedAnalyzer.Fixes.OpenSearch when node is BaseObjectCreationExpressionSyntax
                    && context.Model.GetOperation(node, context.CancellationToken) is IObjectCreationOperation { Type.Name: "EncryptionAtRestOptions" } options:
                    // `EncryptionAtRest = new EncryptionAtRestOptions { … }` without Enabled: add it there.
                    var additions = new PropsAdditions();
                    if (!additions.TryAdd(options, null, new[] { ("Enabled", True) }, context.CancellationToken))
                    {
                        return false;
                    }

                    additions.Apply(editor);
                    return true;
                default:
                    return false;
            }
        }

        internal override bool TryFixCall(FixContext context, DocumentEditor editor, PropsAdditions additions, IInvocationOperation call, Diagnostic diagnostic)
        {
            if (Fix(diagnostic) != StorageNotEncryptedAnalyzer.Fixes.EbsOptions || call.TargetMethod.Name != "Ebs")
            {
                return false;
            }

            var className = call.TargetMethod.ContainingType.ContainingNamespace.ToDisplayString() + ".EbsDeviceOptions";
            var settings = new[] { ("Encrypted", True) };
            foreach (var argument in call.Arguments)
            {
                if (argument.Parameter?.Name == "options")
                {
                    if (argument.ArgumentKind != ArgumentKind.DefaultValue)
                    {
                        return additions.TryAdd(argument.Value, className, settings, context.CancellationToken);
                    }

                    if (call.Syntax is InvocationExpressionSyntax invocation)
                    {
                        additions.AddArgument(invocation.ArgumentList, className, null, settings);
                        return true;
                    }
                }
            }

            return false;
        }

        private static string? Fix(Diagnostic diagnostic)
            => diagnostic.Properties.TryGetValue(StorageNotEncryptedAnalyzer.FixKey, out var fix) ? fix : null;
    }
}
