// Seeds trainings, organisational ratings and evaluations (filled in below as the capability lands).
import type { Seeder } from './context.js';

export const evaluationsSeeder: Seeder = { name: 'trainings and evaluations', run: async () => {} };
