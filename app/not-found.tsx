import Link from "next/link";

export default function NotFound() {
  return (
    <div className="mx-auto max-w-md py-16 text-center">
      <h1 className="text-2xl font-bold">Page not found</h1>
      <p className="mt-2 text-slate-600 dark:text-slate-300">That page does not exist or has moved.</p>
      <Link href="/" className="mt-6 inline-block font-medium text-amber-700 underline dark:text-amber-400">
        Back to the start
      </Link>
    </div>
  );
}
