import { defineAppBuild } from '../../tools/config/tsup.lib';

export default defineAppBuild({ main: 'src/main.ts' });
