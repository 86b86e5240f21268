#!/usr/bin/env node
// Entry point of the `truongso` command. The server and CLI are TypeScript run through tsx, so there is no
// separate compile step to forget on a school laptop.
import { register } from 'tsx/esm/api';

register();
await import('../cli/main.ts');
