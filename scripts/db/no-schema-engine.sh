#!/bin/sh
# Stands in for Prisma's native schema engine, which cannot be downloaded on our machines.
# `prisma generate` needs the variable to point at a file; migrations use the WASM engine.
echo "The Prisma CLI's migrate commands are not used here: run 'npm run db:migrate' to apply migrations, 'npm run db:migrate:create <name>' to author one." >&2
exit 1
