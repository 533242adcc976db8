using System;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace CdkLint.Cdk
{
    /// <summary>
    /// Plain string search over a file's source text: "does this name appear anywhere else in the type?" costs a
    /// search of characters instead of a walk of the type's tokens (a red node per token), and only a hit needs the
    /// walk that says what the occurrence is. The text is the tree's own, cached per tree: for a file Roslyn holds as
    /// one string (a file the compiler read whole) that string is handed over without a copy; a text held in pieces (a
    /// large file, an edited buffer in the IDE) is copied once per tree, and only for a tree with a finding.
    /// </summary>
    internal static class FileText
    {
        private static readonly ConditionalWeakTable<SyntaxTree, string> Cache = new();

        public static string Of(SyntaxTree tree)
            => Cache.TryGetValue(tree, out var text) ? text : Cache.GetValue(tree, static t => t.GetText().ToString());

        /// <summary>
        /// True when <paramref name="needle"/> occurs inside <paramref name="within"/> of <paramref name="text"/>, other
        /// than wholly inside <paramref name="excluded"/>.
        /// </summary>
        public static bool OccursOutside(string text, TextSpan within, TextSpan excluded, string needle)
        {
            if (needle.Length == 0 || within.End > text.Length)
            {
                return needle.Length > 0;
            }

            var end = within.End;
            for (var i = text.IndexOf(needle, within.Start, within.Length, StringComparison.Ordinal); i >= 0;
                 i = i + 1 < end ? text.IndexOf(needle, i + 1, end - i - 1, StringComparison.Ordinal) : -1)
            {
                if (i < excluded.Start || i + needle.Length > excluded.End)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>True when <paramref name="within"/> of <paramref name="text"/> holds a backslash (an escape may spell a value in other characters).</summary>
        public static bool HasBackslash(string text, TextSpan within)
            => within.End > text.Length || text.IndexOf('\\', within.Start, within.Length) >= 0;
    }
}
