using System.IO;
using System.Linq;
using CdkLint.Cdk;
using CdkLint.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Operations;
using Xunit;

namespace CdkLint.Tests.Meta
{
    /// <summary>
    /// Rules read method bodies through <see cref="OperationTree.Descendants"/>, a flattened copy built with its own
    /// walk; "the first assignment", "the single return" and "later statements" depend on it keeping Roslyn's order.
    /// </summary>
    public class OperationTreeTests
    {
        [Fact]
        public void Flattened_bodies_keep_roslyns_order_on_the_sample()
        {
            var files = Directory.EnumerateFiles(Path.Combine(CdkReferences.RepositoryRoot, "samples"), "*.cs", SearchOption.AllDirectories)
                .Select(f => CSharpSyntaxTree.ParseText(File.ReadAllText(f), path: f))
                .ToArray();
            var compilation = CSharpCompilation.Create("Sample", files, CdkReferences.For(CdkVersion.V2_160));
            var bodies = 0;
            foreach (var tree in files)
            {
                var model = compilation.GetSemanticModel(tree);
                foreach (var member in tree.GetRoot().DescendantNodes().OfType<Microsoft.CodeAnalysis.CSharp.Syntax.BaseMethodDeclarationSyntax>())
                {
                    if (model.GetOperation(member) is { } body)
                    {
                        bodies++;
                        Assert.Equal(body.Descendants().ToArray(), OperationTree.Descendants(body).ToArray());
                    }
                }
            }

            Assert.True(bodies >= 3, $"only {bodies} method bodies in the sample");
        }

        [Fact]
        public void A_deep_tree_is_flattened_without_recursion()
        {
            // 20,000 nested binary operations: a recursive walk would need a stack frame per level.
            var source = "class C { string M(string s) => s" + string.Concat(Enumerable.Repeat(" + s", 20000)) + "; }";
            var tree = CSharpSyntaxTree.ParseText(source);
            var compilation = CSharpCompilation.Create("Deep", new[] { tree }, CdkReferences.Framework);
            var method = tree.GetRoot().DescendantNodes().OfType<Microsoft.CodeAnalysis.CSharp.Syntax.MethodDeclarationSyntax>().Single();
            var body = compilation.GetSemanticModel(tree).GetOperation(method)!;
            Assert.Equal(body.Descendants().ToArray(), OperationTree.Descendants(body).ToArray());
        }
    }
}
