// Package tasks implements a small MongoDB-backed task queue. It contains
// both correct and buggy versions of the "claim a task" compare-and-swap
// pattern so that mongocas-lint has something to report.
package tasks

import (
	"context"
	"fmt"
	"time"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo"
	"go.mongodb.org/mongo-driver/v2/mongo/options"
)

// Task states.
const (
	StatusCreated = "CREATED"
	StatusRunning = "RUNNING"
	StatusDone    = "DONE"
)

// Task is a unit of work stored in the tasks collection.
type Task struct {
	ID        bson.ObjectID `bson:"_id"`
	Status    string        `bson:"status"`
	ClaimedAt int64         `bson:"claimed_at"`
	Attempts  int           `bson:"attempts"`
}

// Worker claims and completes tasks.
type Worker struct {
	tasks *mongo.Collection
}

// NewWorker returns a Worker that operates on coll.
func NewWorker(coll *mongo.Collection) *Worker {
	return &Worker{tasks: coll}
}

// ClaimTask moves task from CREATED to RUNNING.
//
// OK: the filter constrains the status being changed and the outcome of the
// compare-and-swap is checked, so only one worker can win the claim.
func (w *Worker) ClaimTask(ctx context.Context, task *Task) (bool, error) {
	now := time.Now().Unix()
	filter := bson.M{"_id": task.ID, "status": StatusCreated}
	update := bson.M{"$set": bson.M{"status": StatusRunning, "claimed_at": now}}

	res, err := w.tasks.UpdateOne(ctx, filter, update)
	if err != nil {
		return false, fmt.Errorf("claim task %s: %w", task.ID.Hex(), err)
	}
	if res.ModifiedCount == 1 {
		task.Status = StatusRunning
		task.ClaimedAt = now
		return true, nil
	}
	return false, nil
}

// ClaimTaskUnchecked moves task from CREATED to RUNNING.
//
// BUG: the update is a correct compare-and-swap, but its outcome
// (MatchedCount/ModifiedCount) is never read, so the caller cannot tell
// whether it won the claim or another worker already took the task.
func (w *Worker) ClaimTaskUnchecked(ctx context.Context, task *Task) error {
	now := time.Now().Unix()
	filter := bson.M{"_id": task.ID, "status": StatusCreated}
	update := bson.M{"$set": bson.M{"status": StatusRunning, "claimed_at": now}}

	_, err := w.tasks.UpdateOne(ctx, filter, update)
	if err != nil {
		return fmt.Errorf("claim task %s: %w", task.ID.Hex(), err)
	}
	task.Status = StatusRunning
	task.ClaimedAt = now
	return nil
}

// FinishTask marks the task as DONE.
//
// BUG: the filter is only _id, so the status is overwritten regardless of
// its current value (e.g. a task that was re-queued or already finished).
func (w *Worker) FinishTask(ctx context.Context, id bson.ObjectID) error {
	_, err := w.tasks.UpdateByID(ctx, id, bson.M{"$set": bson.M{"status": StatusDone}})
	if err != nil {
		return fmt.Errorf("finish task %s: %w", id.Hex(), err)
	}
	return nil
}

// RetryTask increments the attempt counter of a task.
//
// OK: $inc is applied atomically by the server, so no guard is needed.
func (w *Worker) RetryTask(ctx context.Context, id bson.ObjectID) error {
	_, err := w.tasks.UpdateByID(ctx, id, bson.M{"$inc": bson.M{"attempts": 1}})
	if err != nil {
		return fmt.Errorf("retry task %s: %w", id.Hex(), err)
	}
	return nil
}

// NextTask atomically claims any CREATED task and returns it.
//
// OK: FindOneAndUpdate is a compare-and-swap, and the error of Decode
// (mongo.ErrNoDocuments when nothing was claimed) is returned to the caller.
func (w *Worker) NextTask(ctx context.Context) (*Task, error) {
	filter := bson.M{"status": StatusCreated}
	update := bson.M{"$set": bson.M{"status": StatusRunning, "claimed_at": time.Now().Unix()}}
	opts := options.FindOneAndUpdate().SetReturnDocument(options.After)

	var t Task
	if err := w.tasks.FindOneAndUpdate(ctx, filter, update, opts).Decode(&t); err != nil {
		return nil, fmt.Errorf("next task: %w", err)
	}
	return &t, nil
}

// NextTaskUnchecked atomically claims any CREATED task and returns it.
//
// BUG: the result of FindOneAndUpdate is discarded, so when no task was
// claimed (mongo.ErrNoDocuments) the caller gets a zero Task and runs it.
func (w *Worker) NextTaskUnchecked(ctx context.Context) *Task {
	filter := bson.M{"status": StatusCreated}
	update := bson.M{"$set": bson.M{"status": StatusRunning, "claimed_at": time.Now().Unix()}}
	opts := options.FindOneAndUpdate().SetReturnDocument(options.After)

	var t Task
	_ = w.tasks.FindOneAndUpdate(ctx, filter, update, opts).Decode(&t)
	return &t
}
